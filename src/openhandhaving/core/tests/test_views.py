"""Login, start page per role, audit log, error pages."""

from __future__ import annotations

import pytest
from django.urls import reverse

from openhandhaving.core.models import AuditLogEntry


def login(client, user):
    return client.post(
        reverse("login"), {"username": user.username, "password": "geheim-wachtwoord"}
    )


def test_login_leads_to_the_start_page_of_the_role(client, make_user):
    officer = make_user("officer")
    response = login(client, officer)
    assert response.status_code == 302
    page = client.get(response.url)
    assert 'data-role="officer"' in page.content.decode()


def test_deactivated_user_cannot_log_in_and_is_told_why(client, make_user):
    user = make_user("officer", is_active=False)
    response = login(client, user)
    assert response.status_code == 200
    assert "uitgeschakeld" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_deactivating_a_logged_in_user_ends_their_access(client, make_user):
    user = make_user("coordinator")
    client.force_login(user)
    user.is_active = False
    user.save()
    response = client.get(reverse("core:start"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_logins_and_failed_logins_are_in_the_audit_log(client, make_user):
    user = make_user("officer")
    login(client, user)
    client.logout()
    client.post(reverse("login"), {"username": user.username, "password": "fout"})
    entries = list(AuditLogEntry.objects.order_by("id").values_list("action", "result"))
    assert entries == [("login", "success"), ("logout", "success"), ("login", "failed")]
    assert AuditLogEntry.objects.first().origin == "127.0.0.1"


def test_menu_shows_only_what_the_role_may_use(client, make_user):
    client.force_login(make_user("officer"))
    html = client.get(reverse("core:start")).content.decode()
    assert reverse("team:roster_week") in html
    assert reverse("core:audit_log") not in html


def test_audit_log_is_searchable_by_administrators(client, make_user):
    admin = make_user("administrator", username="bas")
    make_user("officer", username="hanna")
    client.post(reverse("login"), {"username": "hanna", "password": "fout"})
    client.force_login(admin)
    response = client.get(reverse("core:audit_log"), {"result": "failed"})
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 1


def test_audit_log_refuses_other_roles_with_a_friendly_page(client, make_user):
    client.force_login(make_user("officer"))
    response = client.get(reverse("core:audit_log"))
    assert response.status_code == 403
    assert "geen toegang" in response.content.decode()


def test_audit_search_with_reversed_dates_says_so(client, make_user):
    client.force_login(make_user("administrator"))
    response = client.get(
        reverse("core:audit_log"), {"date_from": "2026-11-20", "date_to": "2026-11-01"}
    )
    assert response.status_code == 200
    assert "vóór de begindatum" in response.content.decode()


@pytest.mark.django_db
def test_unknown_page_gets_the_dutch_404(client):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "bestaat niet" in response.content.decode()


@pytest.mark.django_db
def test_every_role_exists_with_its_group():
    from openhandhaving.core.choices import RoleCode
    from openhandhaving.core.models import Role

    assert sorted(Role.objects.values_list("code", flat=True)) == sorted(RoleCode.values)


@pytest.mark.django_db
def test_pages_are_dutch_even_for_an_english_browser(client):
    response = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response["Content-Language"] == "nl"
    assert '<h1 class="utrecht-heading-1">Inloggen</h1>' in response.content.decode()


@pytest.mark.django_db
def test_the_language_switch_chooses_english(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/inloggen/"})
    response = client.get(reverse("login"))
    assert response["Content-Language"] == "en"


@pytest.mark.django_db
def test_a_request_in_english_does_not_change_the_language_of_the_next_one(client):
    from django.utils import translation

    client.cookies["django_language"] = "en"
    client.get(reverse("login"))
    assert translation.get_language() != "en"

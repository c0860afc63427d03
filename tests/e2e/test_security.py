"""The Content Security Policy holds in a real browser: our pages need nothing it forbids."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.e2e.conftest import login


def test_pages_with_maps_and_forms_run_under_the_content_security_policy(
    browser, live_server, town, staff
):
    context = browser.new_context(locale="nl-NL")  # no bypass: the policy is enforced
    context.route("https://**/*", lambda route: route.abort())
    page = context.new_page()
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    staff("coordinator", username="cora")
    login(page, live_server, "cora")
    for path in ("/meldingen/?queue=alle&weergave=kaart", "/meldingen/nieuw/", "/melding/kaart/"):
        response = page.goto(f"{live_server.url}{path}")
        assert "script-src 'self'" in response.headers["content-security-policy"]
    expect(page.locator("#publiekekaart")).to_have_attribute("data-state", "ready")
    page.goto(f"{live_server.url}/meldingen/nieuw/")
    page.get_by_label("Adres", exact=True).fill("Dorpsstraat")  # htmx suggestions
    expect(page.locator("#adres-suggesties")).to_contain_text("Dorpsstraat 12")
    context.close()
    assert violations == []

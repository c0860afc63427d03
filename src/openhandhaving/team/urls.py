"""URLs of the team app (Dutch paths, English names)."""

from django.urls import path

from openhandhaving.team.views import absences, people, roster, wijken

app_name = "team"
urlpatterns = [
    path("rooster/", roster.roster_week, name="roster_week"),
    path("rooster/dienst/nieuw/", roster.shift_create, name="shift_create"),
    path("rooster/dienst/<int:pk>/", roster.shift_update, name="shift_update"),
    path("rooster/dienst/<int:pk>/verwijderen/", roster.shift_delete, name="shift_delete"),
    path("rooster/patronen/", roster.pattern_list_view, name="pattern_list"),
    path("rooster/patronen/nieuw/", roster.pattern_create, name="pattern_create"),
    path("rooster/patronen/<int:pk>/", roster.pattern_update, name="pattern_update"),
    path("rooster/patronen/<int:pk>/genereren/", roster.pattern_generate, name="pattern_generate"),
    path("rooster/patronen/<int:pk>/verwijderen/", roster.pattern_delete, name="pattern_delete"),
    path("handhavers/", people.officer_list_view, name="officer_list"),
    path("handhavers/nieuw/", people.officer_create, name="officer_create"),
    path("handhavers/<int:pk>/", people.officer_detail, name="officer_detail"),
    path("handhavers/<int:pk>/wijzigen/", people.officer_update, name="officer_update"),
    path("duos/", people.pair_list_view, name="pair_list"),
    path("duos/nieuw/", people.pair_create, name="pair_create"),
    path("duos/<int:pk>/", people.pair_update, name="pair_update"),
    path("afwezigheid/", absences.absence_list_view, name="absence_list"),
    path("afwezigheid/nieuw/", absences.absence_create, name="absence_create"),
    path("afwezigheid/<int:pk>/", absences.absence_detail, name="absence_detail"),
    path("afwezigheid/<int:pk>/wijzigen/", absences.absence_update, name="absence_update"),
    path("afwezigheid/<int:pk>/weer-aan-het-werk/", absences.absence_end, name="absence_end"),
    path("afwezigheid/<int:pk>/verwijderen/", absences.absence_delete, name="absence_delete"),
    path("wijkindeling/", wijken.assignments, name="assignments"),
    path("verantwoordelijk/", wijken.responsibility, name="responsibility"),
    path("wijkcontacten/", wijken.contact_overview_view, name="contact_overview"),
    path("wijkcontacten/<int:district_pk>/", wijken.contact_list_view, name="contact_list"),
    path("wijkcontacten/<int:district_pk>/nieuw/", wijken.contact_create, name="contact_create"),
    path("wijkcontacten/contact/<int:pk>/", wijken.contact_update, name="contact_update"),
    path(
        "wijkcontacten/contact/<int:pk>/verwijderen/",
        wijken.contact_delete,
        name="contact_delete",
    ),
]

"""Administrator screens for the municipality, wijken and buurten (import: areas:import)."""

from django.contrib import admin

from openhandhaving.areas.models import District, Municipality, Neighbourhood


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "updated_at"]
    search_fields = ["name", "code"]
    # Shapes come from an import; edit them in a GIS program and import again.
    readonly_fields = ["geometry", "centroid_lat", "centroid_lon", "updated_at"]


@admin.register(Neighbourhood)
class NeighbourhoodAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "district", "updated_at"]
    list_filter = ["district"]
    search_fields = ["name", "code"]
    readonly_fields = ["geometry", "centroid_lat", "centroid_lon", "updated_at"]

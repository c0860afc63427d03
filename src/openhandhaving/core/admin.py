"""Administrator screens for users and roles (groups with their permissions)."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from openhandhaving.core.models import AuditLogEntry, Role, User

admin.site.site_header = "Open Handhaving — beheer"
admin.site.site_title = "Open Handhaving"


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    list_display = ["username", "first_name", "last_name", "email", "is_active"]
    list_filter = ["is_active", "groups"]


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    list_display = ["__str__", "group", "order"]
    readonly_fields = ["code"]


@admin.register(AuditLogEntry)
class AuditLogEntryAdmin(admin.ModelAdmin):
    list_display = ["time", "actor_name", "action", "object_repr", "result", "origin"]
    list_filter = ["result", "action"]
    search_fields = ["actor_name", "object_repr", "origin"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

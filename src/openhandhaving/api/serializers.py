"""REST API serializers: what a connected system reads and sends. Dutch messages for bad input."""

from __future__ import annotations

from rest_framework import serializers

from openhandhaving.reports.choices import Channel, Status
from openhandhaving.reports.models import Category, Report, ReportEvent


class CategorySerializer(serializers.ModelSerializer):
    main_category = serializers.SlugRelatedField(source="parent", slug_field="slug", read_only=True)

    class Meta:
        model = Category
        fields = [
            "slug",
            "name",
            "public_name",
            "main_category",
            "deadline_amount",
            "deadline_unit",
            "service_promise",
            "is_public",
            "is_sensitive",
            "questions",
            "active",
        ]


class EventSerializer(serializers.ModelSerializer):
    actor = serializers.SerializerMethodField()

    class Meta:
        model = ReportEvent
        fields = ["time", "kind", "old_value", "new_value", "text", "internal", "actor"]

    def get_actor(self, event) -> str:
        return event.actor.get_full_name() or event.actor.username if event.actor else ""


class ContactSerializer(serializers.Serializer):
    name = serializers.CharField(required=False, allow_blank=True, max_length=120)
    email = serializers.EmailField(required=False, allow_blank=True)
    phone = serializers.CharField(required=False, allow_blank=True, max_length=20)
    may_contact = serializers.BooleanField(required=False, default=False)


class ReportSerializer(serializers.ModelSerializer):
    category = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    wijk = serializers.CharField(source="district.name", default="", read_only=True)
    buurt = serializers.CharField(source="neighbourhood.name", default="", read_only=True)
    owner = serializers.CharField(source="owner.username", default="", read_only=True)
    team = serializers.CharField(source="owner_team.slug", default="", read_only=True)

    class Meta:
        model = Report
        fields = [
            "number",
            "text",
            "category",
            "status",
            "channel",
            "priority",
            "address",
            "lat",
            "lon",
            "wijk",
            "buurt",
            "owner",
            "team",
            "reported_at",
            "deadline",
            "deadline_3x",
            "closed_at",
            "answers",
            "external_id",
            "version",
        ]
        read_only_fields = fields


class ReportDetailSerializer(ReportSerializer):
    history = EventSerializer(source="events", many=True, read_only=True)
    contact = serializers.SerializerMethodField()

    class Meta(ReportSerializer.Meta):
        fields = [*ReportSerializer.Meta.fields, "history", "contact"]
        read_only_fields = fields

    def get_contact(self, report) -> dict | None:
        """Only with the right to personal data (the view decides and logs the read)."""
        if not self.context.get("with_contact"):
            return None
        contact = getattr(report, "contact", None)
        return ContactSerializer(contact).data if contact is not None else None


class ReportCreateSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=5000)
    category = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Category.objects.filter(active=True),
        error_messages={"does_not_exist": "Onbekende categorie: {value}."},
    )
    lat = serializers.FloatField()
    lon = serializers.FloatField()
    address = serializers.CharField(required=False, allow_blank=True, max_length=200, default="")
    channel = serializers.ChoiceField(choices=Channel.choices, default=Channel.APP)
    answers = serializers.DictField(required=False, default=dict)
    contact = ContactSerializer(required=False, allow_null=True, default=None)
    external_id = serializers.CharField(
        required=False, allow_blank=True, max_length=100, default=""
    )


class StatusChangeSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=Status.choices)
    text = serializers.CharField(required=False, allow_blank=True, max_length=5000, default="")
    version = serializers.IntegerField(required=False, min_value=1)


class NoteSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=5000)


class DistrictSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField()
    name = serializers.CharField()

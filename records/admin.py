"""Admin for versioned records: change forms that refuse to overwrite a newer save, and
changelists that stay fast on tables of hundreds of thousands of rows."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import flatten_fieldsets
from django.contrib.admin.widgets import AdminURLFieldWidget
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from django.utils.translation import gettext
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin

from records.models import EditConflict
from records.pagination import LargeTablePaginator


class VersionedAdminForm(forms.ModelForm):
    """An admin change form that carries the version of the record it showed.

    The hidden field has its own name because admin shows `version` itself read-only.
    It holds the version stored when the form was drawn (not the instance's: admin's
    "revert to this version" form shows an old copy of the record).
    """

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.stored = None
        if self.instance.pk is not None:
            self.stored = (
                type(self.instance)
                ._base_manager.filter(pk=self.instance.pk)
                .only("version")
                .first()
            )
        if self.stored is not None:
            self.fields["loaded_version"].initial = self.stored.version
            self.fields["loaded_version"].required = True

    def clean(self):
        cleaned = super().clean()
        loaded = cleaned.get("loaded_version")
        if self.stored is not None and loaded is not None and loaded != self.stored.version:
            latest = self.stored.history.select_related("history_user").first()
            who = (
                latest.history_user.get_username()
                if latest and latest.history_user
                else _("Someone")
            )
            when = (
                _(" on {moment} UTC").format(
                    moment=date_format(localtime(latest.history_date), "DATETIME_FORMAT")
                )
                if latest
                else ""
            )
            raise ValidationError(
                _(
                    "{who} saved a newer version of this record{when}, after you opened this form. Your changes have not been saved. Open the record again in a new tab to see theirs, merge, and save."
                ).format(who=who, when=when),
                code="edit_conflict",
            )
        return cleaned

    def save(self, commit: bool = True):
        """Saved as the version it showed: an inline row (a claim's citations) that someone
        else saved meanwhile is refused like the record above it. (The change form's own
        record is saved by VersionedAdmin.save_model, with commit=False here.)"""
        instance = super().save(commit=False)
        if commit:
            expected = self.cleaned_data.get("loaded_version") if self.stored else None
            instance.save(expected_version=expected)
            self._save_m2m()
        return instance


class VersionedInlineMixin:
    """Inline rows of versioned records, each carrying the version it showed."""

    form = VersionedAdminForm

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        return fields if "loaded_version" in fields else [*fields, "loaded_version"]


class NoReferrerURLWidget(AdminURLFieldWidget):
    """Admin's URL input, whose "Currently:" link does not hand our page to the target."""

    template_name = "records/widgets/admin_url.html"


def external_link(url: str) -> str:
    """A link out of the app, for admin lists; only web addresses become links."""
    if not url.startswith(("https://", "http://")):
        return url
    return format_html('<a href="{}" rel="noopener noreferrer">{}</a>', url, url)


class VersionedAdmin(SimpleHistoryAdmin):
    """Admin change forms that refuse to overwrite someone else's newer save.

    The form carries the version it showed; the save is the same guarded update the app's
    edit forms use. A conflict found while validating is a form error (the input stays);
    one that slips in between validating and saving is a message, never a 500.
    """

    form = VersionedAdminForm
    formfield_overrides = {models.URLField: {"widget": NoReferrerURLWidget}}

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or "loaded_version" in flatten_fieldsets(fieldsets):
            return fieldsets
        (name, options), *rest = fieldsets
        return [(name, {**options, "fields": [*options["fields"], "loaded_version"]}), *rest]

    def save_model(self, request, obj, form, change):
        obj._history_user = request.user
        stored = getattr(form, "stored", None)
        expected = form.cleaned_data.get("loaded_version") if change and stored else None
        obj.save(expected_version=expected)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except EditConflict as conflict:
            self.message_user(request, f"Not saved: {conflict}", messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())


class LargeTableAdmin(VersionedAdmin):
    """For tables that grow to hundreds of thousands of rows: no `COUNT(*)` of the whole
    table on every changelist view (an estimate above 10 000 rows instead), and the
    QuerySet's indexed `search()` instead of admin's `icontains` on every search field,
    which scans the table (also what the autocomplete widgets of other admins call)."""

    show_full_result_count = False
    paginator = LargeTablePaginator
    # As the app's own lists: a page of 100 rows renders 500 cells, each through admin's
    # generic field lookup and display, twice the Python time for a page few read to the end.
    list_per_page = 50

    @admin.display(description=mark_safe('<input type="checkbox" id="action-toggle">'))
    def action_checkbox(self, obj) -> str:
        """Admin's own checkbox, written directly: rendering it through the checkbox
        widget's template, once a row, was a quarter of a changelist's time."""
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
            helpers.ACTION_CHECKBOX_NAME,
            obj.pk,
            format_html(gettext("Select this object for an action - {}"), obj),
        )

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        return queryset.filter(self.search_filter(search_term)), False

    def search_filter(self, search_term: str) -> Q:
        return Q(pk__in=self.model.objects.search(search_term).values("pk"))

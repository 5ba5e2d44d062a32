from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sources.models import EditConflict


class VersionedModelForm(forms.ModelForm):
    """An edit form that remembers which version of the record it was loaded from.

    Saving goes through `Record.save(expected_version=…)`, so a save over someone else's
    newer change raises EditConflict instead of overwriting it. Catch it in the view and
    answer with `render_edit_conflict`.
    """

    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
            self.fields["version"].required = True

    def save(self, commit: bool = True):
        instance = super().save(commit=False)
        if commit:
            expected = self.cleaned_data.get("version") if instance.pk else None
            instance.save(expected_version=expected)
            self._save_m2m()
        return instance


def render_edit_conflict(
    request: HttpRequest, template_name: str, context: dict, conflict: EditConflict
) -> HttpResponse:
    """Answer 409 with the form (the user's unsaved input kept) and the stored version.

    The form is re-bound to the stored version number, so saving again after merging by
    hand is a deliberate overwrite of what the user has now seen.
    """
    form = context["form"]
    data = form.data.copy()
    data[form.add_prefix("version")] = conflict.current.version
    form.data = data
    latest = conflict.current.history.first() if hasattr(conflict.current, "history") else None
    context = {
        **context,
        "conflict": conflict,
        "conflict_current": conflict.current,
        "conflict_user": getattr(latest, "history_user", None),
        "conflict_date": getattr(latest, "history_date", conflict.current.updated_at),
    }
    return render(request, template_name, context, status=409)

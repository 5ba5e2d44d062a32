from django import forms


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

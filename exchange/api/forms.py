"""The pages' own forms, bound from a JSON body: every rule a page applies to input (its
validation, the anchoring of a quote, a new outlet typed by name, the version an edit was
loaded from) applies to the API's, because it is the same form.

A body names fields as the form does. Unknown and read-only fields are refused, not
ignored; a PATCH starts from the record as stored and changes only what it names."""

from django import forms
from django.forms.models import ModelMultipleChoiceField
from django.utils.translation import gettext as _

from claims.forms import ClaimForm
from claims.models import Speaker

# JSON values that only a field taking several values may receive.
MULTIPLE = (forms.MultipleChoiceField, ModelMultipleChoiceField)


class ApiClaimForm(ClaimForm):
    """The claim page's form; joint speakers named by id, as every other record is in the
    API, instead of by name a line (which the page's text box needs)."""

    joint_speakers = forms.ModelMultipleChoiceField(Speaker.objects.all(), required=False)


class BodyError(Exception):
    def __init__(self, errors: dict[str, list[str]]):
        self.errors = errors
        super().__init__(errors)


def writable(form: forms.BaseForm) -> list[str]:
    return [name for name in form.fields if name != "version"]


def form_data(
    body,
    form: forms.BaseForm,
    *,
    partial: bool,
    read_only=(),
    renamed: dict | None = None,
    fixed: dict | None = None,
) -> dict:
    """The form's data for `body` (a JSON object), on top of what `form` (unbound, with
    the record as stored) shows when `partial`. Raises BodyError for a body that is not
    an object, a field the form does not have, or a value of the wrong shape."""
    if not isinstance(body, dict):
        raise BodyError({"non_field_errors": [_("Send a JSON object of fields and values.")]})
    renamed, fixed = renamed or {}, fixed or {}
    names = {renamed.get(name, name): name for name in writable(form) if name not in fixed}
    errors = {}
    for key in body:
        if key in names:
            continue
        if key in read_only or key == "version":
            errors[key] = [_("This field is read-only.")]
        else:
            errors[key] = [
                _("Unknown field. The fields are: {fields}.").format(
                    fields=", ".join(sorted(names))
                )
            ]
    if errors:
        raise BodyError(errors)
    data = {}
    if partial:
        for name in names.values():
            value = form[name].value()
            data[name] = [] if value is None and isinstance(form.fields[name], MULTIPLE) else value
            if data[name] is None:
                data[name] = ""
    for outer, value in body.items():
        name = names[outer]
        field = form.fields[name]
        if isinstance(field, MULTIPLE):
            if value is None:
                value = []
            if not isinstance(value, list) or any(
                isinstance(item, dict | list | bool) or item is None for item in value
            ):
                errors[outer] = [_("Give a list of ids.")]
                continue
            value = [str(item) for item in value]
        elif isinstance(value, dict | list):
            errors[outer] = [_("Give one value, not an object or a list.")]
            continue
        elif isinstance(value, bool) and not isinstance(field, forms.BooleanField):
            errors[outer] = [_("Give a text or a number, not true or false.")]
            continue
        elif value is None:
            value = ""
        elif not isinstance(value, bool):
            value = str(value)  # as a browser posts it: the form parses text
        data[name] = value
    if errors:
        raise BodyError(errors)
    return {**data, **fixed}


def form_errors(form: forms.BaseForm, renamed: dict | None = None) -> dict[str, list[str]]:
    renamed = renamed or {}
    return {
        ("non_field_errors" if name == "__all__" else renamed.get(name, name)): [
            error["message"] for error in errors
        ]
        for name, errors in form.errors.get_json_data().items()
    }

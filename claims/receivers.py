from django.dispatch import receiver

from claims.models import Citation
from sources.signals import body_changed


@receiver(body_changed)
def reanchor_citations_of_changed_source(sender, source, **kwargs) -> None:
    Citation.objects.filter(source=source).reanchor()

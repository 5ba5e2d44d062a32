from django.apps import AppConfig
from django.db.backends.signals import connection_created


class SourcesConfig(AppConfig):
    name = "sources"
    verbose_name = "Sources"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from sources.search import on_connection_created

        connection_created.connect(on_connection_created, dispatch_uid="claimtrail_search")

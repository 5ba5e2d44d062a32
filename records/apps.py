from django.apps import AppConfig
from django.db.backends.signals import connection_created


class RecordsConfig(AppConfig):
    name = "records"
    verbose_name = "Records"

    def ready(self) -> None:
        from records.search import on_connection_created

        connection_created.connect(on_connection_created, dispatch_uid="claimtrail_search")

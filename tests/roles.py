"""The Readers, Researchers and Editors groups as the data migrations leave them, made again.

A transactional test (a live server, a second connection) empties every table when it
ends, the groups the migrations made included. Rather than a copy of what each migration
grants, the migrations' own functions run again, on the project's migrated state.
"""

import importlib

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

# Every migration that grants the groups permissions, and its function doing it.
GRANTS = [
    ("claims.migrations.0002_groups", "create_groups"),
    ("claims.migrations.0006_assessment_and_import_permissions", "grant"),
    ("claims.migrations.0018_hop_and_role_permissions", "grant"),
    ("claims.migrations.0022_editors_and_published_verdicts", "grant"),
    ("claims.migrations.0024_comment_permissions", "grant"),
]


def recreate_roles() -> None:
    apps = MigrationExecutor(connection).loader.project_state().apps
    for module, function in GRANTS:
        getattr(importlib.import_module(module), function)(apps, None)

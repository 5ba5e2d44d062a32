from django.dispatch import Signal

# Sent after a source's body text has changed and been saved, so that whatever anchors to
# that text (claims' citations) can check itself again. Arguments: source.
body_changed = Signal()

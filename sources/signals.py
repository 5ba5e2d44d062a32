from django.dispatch import Signal

# Sent after a source is saved with another body, publication date or outlet than it was
# loaded with, so that what depends on them (claims' citations: their anchors, which of a
# claim's citations represents it, their attribution chains) can follow. Arguments:
# source, and changed: the set of those field names ("body", "published_at", "outlet").
source_changed = Signal()

# Sent after an outlet is saved under another name than it was loaded with (attribution
# chains name outlets). Arguments: outlet.
outlet_renamed = Signal()

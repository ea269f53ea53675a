"""baclofen-assistant: an offline, cited literature assistant about baclofen and addiction cravings."""

from assistant import offline as _offline

_offline.apply()

__version__ = "0.1.0"

"""Qt item models over the engine's view objects (each passes ``qtmodeltester``)."""

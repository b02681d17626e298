"""UI layer: PySide6 only here. Adapts the domain store and the services to widgets."""

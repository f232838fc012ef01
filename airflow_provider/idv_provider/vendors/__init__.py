"""One subpackage per vendor: its hook, statuses, mapping to the neutral model, connection
form and redirect form, and a ``VENDOR`` record (:class:`idv_provider.registry.VendorRecord`)."""

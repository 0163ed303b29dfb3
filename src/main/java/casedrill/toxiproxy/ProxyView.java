package casedrill.toxiproxy;

import java.util.List;

/** A proxy as the API shows it; toxics upstream chain first, then downstream, in chain order. */
public record ProxyView(String name, String listen, String upstream, boolean enabled, List<InstalledToxic> toxics) {}

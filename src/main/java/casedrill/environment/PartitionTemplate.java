package casedrill.environment;

/**
 * An exact partition of a site where the links' proxies cannot give one: commands (typically iptables) run
 * locally to cut the site off and to heal it. {@code {site}} is replaced by the site's name.
 */
public record PartitionTemplate(String site, String cut, String heal) {
}

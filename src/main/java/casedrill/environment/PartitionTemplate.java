package casedrill.environment;

import java.util.List;

/**
 * An exact partition of a site where the links' proxies cannot give one: commands (typically iptables, over SSH on
 * the site's firewall or hosts) run on the harness's machine to cut the site off from one peer site and to heal that
 * cut. In both, {@code {site}} is this site's name and {@code {peer}} the other site's; in {@code cut},
 * {@code {mode}} is {@code drop} or {@code reject}. A cut of one site from all others runs the template once per
 * peer. {@code heal} must undo a cut of either mode and succeed when there is none: {@code recover} after a killed
 * drill runs it for every peer without knowing which cuts were made.
 */
public record PartitionTemplate(String site, String cut, String heal) {
    /** The command that cuts this site off from {@code peer}, as {@code sh -c} runs it. */
    public ActionCommand cutFrom(String peer, String mode) {
        return command(cut, peer, mode);
    }

    /** The command that heals the cut between this site and {@code peer}. */
    public ActionCommand healFrom(String peer) {
        return command(heal, peer, "");
    }

    private ActionCommand command(String template, String peer, String mode) {
        return new ActionCommand(List.of("sh", "-c", template.replace("{site}", site).replace("{peer}", peer).replace("{mode}", mode)));
    }
}

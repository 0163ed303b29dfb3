package casedrill.stack.containers;

import casedrill.topology.NodeKind;
import java.util.List;
import java.util.Objects;

/**
 * One image src/main/docker/build-images.sh built: {@code image:tag} names it, {@code inputs} is the
 * sha256 of everything it was built from (its label {@code casedrill.inputs}), {@code roles} the node
 * kinds it runs.
 */
public record LocalImage(String image, String tag, String inputs, String id, long sizeBytes, List<NodeKind> roles) {
    public LocalImage {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(inputs, "inputs");
        if (tag == null || !inputs.startsWith(tag)) {
            throw new IllegalArgumentException("tag must be the first characters of the inputs hash " + inputs
                    + ", but was " + tag);
        }
        roles = List.copyOf(roles);
    }

    /** What to hand to Testcontainers: the content-addressed tag, never {@code latest}. */
    public String reference() {
        return image + ":" + tag;
    }
}

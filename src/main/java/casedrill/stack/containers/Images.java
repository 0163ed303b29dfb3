package casedrill.stack.containers;

import casedrill.topology.NodeKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The images the containers provider runs, as {@code make images} left them in its manifest
 * (target/images/manifest.json). Nothing here talks to Docker: the manifest is the build's record.
 */
public record Images(Path manifest, String base, List<LocalImage> images) {
    public static final Path DEFAULT_MANIFEST = Path.of("target", "images", "manifest.json");
    private static final String HOW_TO_BUILD = "build them with: make images";

    public Images {
        images = List.copyOf(images);
    }

    public static Images read(Path manifest) {
        String json;
        try {
            json = Files.readString(manifest);
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("no image manifest at " + manifest + "; " + HOW_TO_BUILD, e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read image manifest " + manifest + ": " + e.getMessage(), e);
        }
        try {
            JsonNode root = JsonMapper.builder().build().readTree(json);
            List<LocalImage> images = new ArrayList<>();
            for (JsonNode i : root.required("images")) {
                List<NodeKind> roles = new ArrayList<>();
                for (JsonNode r : i.required("roles")) {
                    roles.add(NodeKind.of(r.asString()));
                }
                images.add(new LocalImage(i.required("image").asString(), i.required("tag").asString(),
                        i.required("inputs").asString(), i.required("id").asString(),
                        i.required("sizeBytes").asLong(), roles));
            }
            return new Images(manifest, root.required("base").required("image").asString(), images);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new IllegalStateException("image manifest " + manifest + " is malformed: " + e.getMessage()
                    + "; rebuild it with: make images", e);
        }
    }

    /** The image that runs nodes of this kind. */
    public LocalImage of(NodeKind kind) {
        return images.stream().filter(i -> i.roles().contains(kind)).findFirst()
                .orElseThrow(() -> new IllegalStateException("image manifest " + manifest + " has no image for "
                        + kind + " nodes; " + HOW_TO_BUILD));
    }
}

package casedrill.toxiproxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.NotFoundException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ContainerState;
import org.testcontainers.images.ImagePullPolicy;
import org.testcontainers.utility.DockerImageName;

/** The image src/test/docker/build-toxiproxy-image.sh builds; no registry exists, so it is never pulled. */
final class LocalToxiproxyImage {
    static final String NAME = "casedrill/toxiproxy:local";
    static final DockerImageName IMAGE = DockerImageName.parse(NAME).asCompatibleSubstituteFor("ghcr.io/shopify/toxiproxy");
    /** A missing image then fails in milliseconds instead of retrying a pull for minutes. */
    static final ImagePullPolicy NEVER_PULL = name -> false;

    private LocalToxiproxyImage() {}

    /** Fails with the command to run when the engine does not hold the image. */
    static void requireBuilt() {
        boolean built;
        try {
            DockerClientFactory.instance().client().inspectImageCmd(NAME).exec();
            built = true;
        } catch (NotFoundException e) {
            built = false;
        }
        assertThat(built)
                .as("image %s is in the local engine (build it: src/test/docker/build-toxiproxy-image.sh)", NAME)
                .isTrue();
    }

    /** The host as seen from a container on Docker's default bridge network: that network's gateway. */
    static String bridgeGateway(ContainerState container) {
        return container.getContainerInfo().getNetworkSettings().getNetworks().get("bridge").getGateway();
    }
}

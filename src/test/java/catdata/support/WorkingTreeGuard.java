package catdata.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class that leaves {@code ./data} or {@code ./images} in the working tree, where the
 * service keeps its files when {@code DATA_DIR} and {@code IMAGES_DIR} are not set: tests write only
 * under {@code target/} or temporary directories. Applies to every test class (registered as a
 * service, with extension auto-detection on in {@code junit-platform.properties}).
 */
public final class WorkingTreeGuard implements BeforeAllCallback, AfterAllCallback {

    private static final List<Path> SERVICE_DEFAULTS = List.of(Path.of("data"), Path.of("images"));

    @Override
    public void beforeAll(ExtensionContext context) {
        store(context).put("existing", SERVICE_DEFAULTS.stream().filter(Files::exists).toList());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        List<?> existing = store(context).get("existing", List.class);
        List<Path> left = SERVICE_DEFAULTS.stream().filter(Files::exists).filter(path -> !existing.contains(path))
                .toList();
        assertThat(left).as("%s left these in the working tree; give the service DATA_DIR and IMAGES_DIR under a "
                + "temporary directory", context.getDisplayName()).isEmpty();
    }

    private static ExtensionContext.Store store(ExtensionContext context) {
        return context.getStore(ExtensionContext.Namespace.create(WorkingTreeGuard.class));
    }
}

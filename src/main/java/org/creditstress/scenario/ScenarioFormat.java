package org.creditstress.scenario;

import java.util.List;
import java.util.ServiceLoader;
import org.creditstress.scenario.schema.Section;

/**
 * What a scenario may say: the schema's root section and the rules that span keys. The format is
 * partly contributed by the model: each contagion channel declares its switch under
 * {@code contagion}, each policy-event kind its name and checks. The model supplies the standard
 * format through a {@link Provider} registered in {@code META-INF/services}, so this package,
 * which sits below the model, never imports it; a test can build a format from other registries
 * and load scenarios with it ({@link ScenarioLoader#ScenarioLoader(ScenarioFormat)}).
 *
 * @param root  the schema: every section and key with its default, range, unit and meaning
 * @param rules checks over a bound scenario contributed by the model's registries (run after
 *              the format's own cross-key checks)
 */
public record ScenarioFormat(Section root, List<ScenarioRule> rules) {

    public ScenarioFormat {
        rules = List.copyOf(rules);
    }

    /** Supplies the standard format (implemented by the model's catalogue of mechanisms). */
    public interface Provider {
        ScenarioFormat format();
    }

    /** The standard format: the one the command line reads scenarios with. */
    public static ScenarioFormat standard() {
        return Standard.FORMAT;
    }

    /** Loaded once, on first use (the holder idiom: thread-safe and lazy). */
    private static final class Standard {
        static final ScenarioFormat FORMAT = discover();

        private static ScenarioFormat discover() {
            List<Provider> providers = ServiceLoader.load(Provider.class, ScenarioFormat.class.getClassLoader())
                    .stream().map(ServiceLoader.Provider::get).toList();
            if (providers.size() != 1) {
                throw new IllegalStateException("expected one scenario format provider on the class path, found "
                        + providers.size());
            }
            return providers.get(0).format();
        }
    }
}

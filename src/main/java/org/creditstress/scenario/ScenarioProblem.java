package org.creditstress.scenario;

/**
 * One thing wrong with a scenario, located as precisely as known.
 *
 * @param source  the file (or "--set KEY=VALUE") the offending value came from
 * @param line    1-based line in that file, or 0 when unknown
 * @param keyPath the key path, e.g. {@code lenders[1].model_quality}
 * @param reason  what is wrong, e.g. "must be in [0, 1], got 1.7"
 */
public record ScenarioProblem(String source, int line, String keyPath, String reason) {

    /** One line: {@code file:line: key.path: reason}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (!keyPath.isEmpty()) {
            sb.append(keyPath).append(": ");
        }
        return sb.append(reason).toString();
    }
}

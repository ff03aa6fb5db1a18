package io.colshift.state;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads migration spec files (YAML) into {@link MigrationSpec}s; the checks themselves live in {@link SpecParser}. */
public final class SpecFiles {

    private SpecFiles() {
    }

    /** @throws InvalidSpecException when the file is missing, not YAML, or not a valid spec; names the file */
    public static MigrationSpec load(Path file) throws InvalidSpecException {
        String source = file.toString();
        Object document;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            LoaderOptions options = new LoaderOptions();
            // a duplicated key would silently win over the first one; in a migration spec that hides mistakes
            options.setAllowDuplicateKeys(false);
            options.setAllowRecursiveKeys(false);
            document = new Yaml(new SafeConstructor(options)).load(reader);
        } catch (NoSuchFileException e) {
            throw problem(source, "(file)", "does not exist");
        } catch (IOException e) {
            throw problem(source, "(file)", "cannot be read: " + e.getMessage());
        } catch (MarkedYAMLException e) {
            throw problem(source, "(yaml)", "not valid YAML at line " + (e.getProblemMark().getLine() + 1)
                    + ": " + e.getProblem());
        } catch (YAMLException e) {
            throw problem(source, "(yaml)", "not valid YAML: " + e.getMessage());
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw problem(source, "(document)", "must be a mapping of spec fields (id, table, column, type, …)");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            fields.put(String.valueOf(entry.getKey()), entry.getValue());
        }
        return SpecParser.parse(source, fields);
    }

    private static InvalidSpecException problem(String source, String field, String reason) {
        return new InvalidSpecException(source, List.of(new SpecProblem(field, reason)));
    }
}

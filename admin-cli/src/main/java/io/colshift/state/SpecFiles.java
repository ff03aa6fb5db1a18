package io.colshift.state;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads migration spec files (YAML) into {@link MigrationSpec}s; the checks themselves live in {@link SpecParser}. */
public final class SpecFiles {

    /** A spec is a few hundred bytes; anything this large is a mistake, and YAML parsing it would take long. */
    public static final int MAX_BYTES = 1024 * 1024;

    private SpecFiles() {
    }

    /** @throws InvalidSpecException when the file is missing, not YAML, or not a valid spec; names the file */
    public static MigrationSpec load(Path file) throws InvalidSpecException {
        String source = file.toString();
        String text = read(file, source);
        Object document;
        try {
            LoaderOptions options = new LoaderOptions();
            // a duplicated key would silently win over the first one; in a migration spec that hides mistakes
            options.setAllowDuplicateKeys(false);
            options.setAllowRecursiveKeys(false);
            document = new Yaml(new SafeConstructor(options)).load(text);
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

    /**
     * The file's text: at most {@link #MAX_BYTES}, checked before reading (and again while reading, for files that
     * grow or report no size), and valid UTF-8.
     */
    private static String read(Path file, String source) throws InvalidSpecException {
        byte[] bytes;
        try {
            if (Files.isRegularFile(file) && Files.size(file) > MAX_BYTES) {
                throw tooLarge(source);
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
        } catch (NoSuchFileException e) {
            throw problem(source, "(file)", "does not exist");
        } catch (IOException e) {
            throw problem(source, "(file)", "cannot be read: " + e.getMessage());
        }
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(source);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw problem(source, "(file)", "is not UTF-8 text");
        }
    }

    private static InvalidSpecException tooLarge(String source) {
        return problem(source, "(file)", "is larger than 1 MiB; a migration spec is a few lines");
    }

    private static InvalidSpecException problem(String source, String field, String reason) {
        return new InvalidSpecException(source, List.of(new SpecProblem(field, reason)));
    }
}

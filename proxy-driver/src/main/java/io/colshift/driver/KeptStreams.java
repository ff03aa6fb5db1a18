package io.colshift.driver;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.sql.SQLException;

/**
 * Reads a stream parameter into memory so it can be bound more than once: a statement prepared while a
 * migration is active may have to be prepared again and its parameters bound again, and a stream can only
 * be read once (pgjdbc reads readers as soon as they are bound). Only statements that keep their parameters
 * do this; with no migration active, streams go straight to the real driver.
 */
final class KeptStreams {

    /** No length was given: read to the end. */
    static final long TO_END = -1;

    private KeptStreams() {
    }

    static byte[] bytes(InputStream in, long length, int parameterIndex) throws SQLException {
        if (in == null) {
            return null;
        }
        try {
            return length == TO_END ? in.readAllBytes() : in.readNBytes(Math.toIntExact(length));
        } catch (IOException | ArithmeticException e) {
            throw new SQLException("could not read the stream given for parameter " + parameterIndex + ": " + e, "HY000", e);
        }
    }

    static String chars(Reader reader, long length, int parameterIndex) throws SQLException {
        if (reader == null) {
            return null;
        }
        try {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[8192];
            long left = length == TO_END ? Long.MAX_VALUE : length;
            while (left > 0) {
                int n = reader.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    break;
                }
                text.append(buffer, 0, n);
                left -= n;
            }
            return text.toString();
        } catch (IOException e) {
            throw new SQLException("could not read the reader given for parameter " + parameterIndex + ": " + e, "HY000", e);
        }
    }

    static InputStream in(byte[] bytes) {
        return bytes == null ? null : new ByteArrayInputStream(bytes);
    }

    static Reader reader(String chars) {
        return chars == null ? null : new StringReader(chars);
    }
}

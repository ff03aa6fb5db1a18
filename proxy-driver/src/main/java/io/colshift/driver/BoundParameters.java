package io.colshift.driver;

import io.colshift.rewrite.Rewrite;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The parameters and batch rows a prepared statement was given, by the application's parameter index.
 * Replayed through a {@link Rewrite}'s parameter map onto the real statement: values whose placeholder
 * was removed ({@link Rewrite#DROPPED}) are not bound.
 *
 * <p>Only statements prepared while a migration is active keep these (see {@link ProxyPreparedStatement}),
 * and those run on every request of the application: the common setters are therefore kept in typed slots
 * (a kind, a {@code long} for primitives, an object for references) so that keeping a value allocates
 * nothing, and one instance is reused by the connection's next statement once its statement is closed
 * ({@link ProxyConnection#takeParameters()}). The rarer setters keep a {@link ParameterBinding} closure.
 */
final class BoundParameters {

    private static final byte UNSET = 0;
    private static final byte NULL = 1;
    private static final byte BOOLEAN = 2;
    private static final byte BYTE = 3;
    private static final byte SHORT = 4;
    private static final byte INT = 5;
    private static final byte LONG = 6;
    private static final byte FLOAT = 7;
    private static final byte DOUBLE = 8;
    private static final byte BIG_DECIMAL = 9;
    private static final byte STRING = 10;
    private static final byte BYTES = 11;
    private static final byte DATE = 12;
    private static final byte TIME = 13;
    private static final byte TIMESTAMP = 14;
    private static final byte OBJECT = 15;
    /** {@code setObject(index, value, targetSqlType)}: the type sits in the number slot. */
    private static final byte OBJECT_AS = 16;
    /** Any other setter: the object slot holds a {@link ParameterBinding}. */
    private static final byte BINDING = 17;

    /** One batch row: the slots as they were when {@code addBatch} was called. */
    record Row(byte[] kinds, long[] numbers, Object[] objects) {
    }

    private byte[] kinds = new byte[8];
    private long[] numbers = new long[8];
    private Object[] objects = new Object[8];
    private int highestIndex;
    private List<Row> batchRows;

    void setNull(int index, int sqlType) {
        keep(index, NULL, sqlType, null);
    }

    void setBoolean(int index, boolean value) {
        keep(index, BOOLEAN, value ? 1 : 0, null);
    }

    void setByte(int index, byte value) {
        keep(index, BYTE, value, null);
    }

    void setShort(int index, short value) {
        keep(index, SHORT, value, null);
    }

    void setInt(int index, int value) {
        keep(index, INT, value, null);
    }

    void setLong(int index, long value) {
        keep(index, LONG, value, null);
    }

    void setFloat(int index, float value) {
        keep(index, FLOAT, Float.floatToRawIntBits(value), null);
    }

    void setDouble(int index, double value) {
        keep(index, DOUBLE, Double.doubleToRawLongBits(value), null);
    }

    void setBigDecimal(int index, BigDecimal value) {
        keep(index, BIG_DECIMAL, 0, value);
    }

    void setString(int index, String value) {
        keep(index, STRING, 0, value);
    }

    void setBytes(int index, byte[] value) {
        keep(index, BYTES, 0, value);
    }

    void setDate(int index, Date value) {
        keep(index, DATE, 0, value);
    }

    void setTime(int index, Time value) {
        keep(index, TIME, 0, value);
    }

    void setTimestamp(int index, Timestamp value) {
        keep(index, TIMESTAMP, 0, value);
    }

    void setObject(int index, Object value) {
        keep(index, OBJECT, 0, value);
    }

    void setObject(int index, Object value, int targetSqlType) {
        keep(index, OBJECT_AS, targetSqlType, value);
    }

    void set(int index, ParameterBinding binding) {
        keep(index, BINDING, 0, binding);
    }

    private void keep(int index, byte kind, long number, Object object) {
        if (index > kinds.length) {
            int length = Math.max(index, kinds.length * 2);
            kinds = Arrays.copyOf(kinds, length);
            numbers = Arrays.copyOf(numbers, length);
            objects = Arrays.copyOf(objects, length);
        }
        kinds[index - 1] = kind;
        numbers[index - 1] = number;
        objects[index - 1] = object;
        highestIndex = Math.max(highestIndex, index);
    }

    void clear() {
        Arrays.fill(kinds, 0, highestIndex, UNSET);
        Arrays.fill(objects, 0, highestIndex, null); // lets the application's values be collected
        highestIndex = 0;
    }

    /** Forgets everything, so that the connection's next statement can use this instance. */
    void reset() {
        clear();
        batchRows = null;
    }

    /** Remembers the current values as one batch row; they stay set for the next row, as JDBC says. */
    void addBatchRow() {
        if (batchRows == null) {
            batchRows = new ArrayList<>();
        }
        batchRows.add(new Row(Arrays.copyOf(kinds, highestIndex), Arrays.copyOf(numbers, highestIndex),
                Arrays.copyOf(objects, highestIndex)));
    }

    List<Row> batchRows() {
        return batchRows == null ? List.of() : batchRows;
    }

    int batchSize() {
        return batchRows == null ? 0 : batchRows.size();
    }

    void clearBatch() {
        batchRows = null;
    }

    void bindCurrent(PreparedStatement statement, Rewrite rewrite) throws SQLException {
        bind(kinds, numbers, objects, highestIndex, statement, rewrite);
    }

    static void bind(Row row, PreparedStatement statement, Rewrite rewrite) throws SQLException {
        bind(row.kinds(), row.numbers(), row.objects(), row.kinds().length, statement, rewrite);
    }

    private static void bind(byte[] kinds, long[] numbers, Object[] objects, int count, PreparedStatement statement,
                             Rewrite rewrite) throws SQLException {
        for (int i = 0; i < count; i++) {
            if (kinds[i] == UNSET) {
                continue;
            }
            int target = rewrite.mapParameter(i + 1);
            if (target != Rewrite.DROPPED) {
                bindOne(kinds[i], numbers[i], objects[i], statement, target);
            }
        }
    }

    private static void bindOne(byte kind, long number, Object object, PreparedStatement statement, int index)
            throws SQLException {
        switch (kind) {
            case NULL -> statement.setNull(index, (int) number);
            case BOOLEAN -> statement.setBoolean(index, number != 0);
            case BYTE -> statement.setByte(index, (byte) number);
            case SHORT -> statement.setShort(index, (short) number);
            case INT -> statement.setInt(index, (int) number);
            case LONG -> statement.setLong(index, number);
            case FLOAT -> statement.setFloat(index, Float.intBitsToFloat((int) number));
            case DOUBLE -> statement.setDouble(index, Double.longBitsToDouble(number));
            case BIG_DECIMAL -> statement.setBigDecimal(index, (BigDecimal) object);
            case STRING -> statement.setString(index, (String) object);
            case BYTES -> statement.setBytes(index, (byte[]) object);
            case DATE -> statement.setDate(index, (Date) object);
            case TIME -> statement.setTime(index, (Time) object);
            case TIMESTAMP -> statement.setTimestamp(index, (Timestamp) object);
            case OBJECT -> statement.setObject(index, object);
            case OBJECT_AS -> statement.setObject(index, object, (int) number);
            case BINDING -> ((ParameterBinding) object).bindTo(statement, index);
            default -> throw new IllegalStateException("unknown parameter kind " + kind);
        }
    }
}

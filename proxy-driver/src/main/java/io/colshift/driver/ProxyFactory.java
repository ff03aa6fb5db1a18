package io.colshift.driver;

import io.colshift.rewrite.Rewrite;
import io.colshift.state.StateSnapshot;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.modifier.TypeManifestation;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.dynamic.scaffold.subclass.ConstructorStrategy;
import net.bytebuddy.implementation.MethodCall;
import net.bytebuddy.matcher.ElementMatcher;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isDefaultMethod;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Makes the concrete proxy classes, once per JVM (per class loader of this driver), and hands out instances.
 *
 * <p>The hand-written {@code Proxy*} classes implement only the methods colshift intercepts. For every
 * other method of the JDBC interface, Byte Buddy generates a body that calls the same method on the
 * delegate field directly ({@code invokeinterface}), exactly what a hand-written wrapper would do: no
 * reflection, no {@code InvocationHandler}, no boxing, nothing the JIT cannot inline. Instances are made
 * by generated factories that call the constructor directly, so creating a proxy costs one allocation.
 *
 * <p>Classes are generated when this class initialises, i.e. on the first connection, and are never
 * generated per object: per-object proxy classes are what made CGLIB-based wrappers leak and deadlock.
 */
final class ProxyFactory {

    interface ConnectionMaker {
        ProxyConnection make(Connection delegate, RewriteSeam seam);
    }

    interface StatementMaker {
        ProxyStatement make(Statement delegate, ProxyConnection connection);
    }

    interface PreparedStatementMaker {
        ProxyPreparedStatement make(PreparedStatement delegate, ProxyConnection connection, StatementPreparer preparer,
                                    String sql, StateSnapshot snapshot, Rewrite rewrite);
    }

    interface CallableStatementMaker {
        ProxyCallableStatement make(CallableStatement delegate, ProxyConnection connection, StatementPreparer preparer,
                                    String sql, StateSnapshot snapshot, Rewrite rewrite);
    }

    interface ResultSetMaker {
        ProxyResultSet make(ResultSet delegate, ProxyConnection connection, ProxyStatement statement);
    }

    interface MetaDataMaker {
        ProxyDatabaseMetaData make(DatabaseMetaData delegate, ProxyConnection connection);
    }

    static final ConnectionMaker CONNECTION;
    static final StatementMaker STATEMENT;
    static final PreparedStatementMaker PREPARED_STATEMENT;
    static final CallableStatementMaker CALLABLE_STATEMENT;
    static final ResultSetMaker RESULT_SET;
    static final MetaDataMaker META_DATA;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            CONNECTION = maker(lookup, ProxyConnection.class, "delegate", ConnectionMaker.class);
            STATEMENT = maker(lookup, ProxyStatement.class, "delegate", StatementMaker.class);
            PREPARED_STATEMENT = maker(lookup, ProxyPreparedStatement.class, "preparedDelegate",
                    PreparedStatementMaker.class);
            CALLABLE_STATEMENT = maker(lookup, ProxyCallableStatement.class, "callableDelegate",
                    CallableStatementMaker.class);
            RESULT_SET = maker(lookup, ProxyResultSet.class, "delegate", ResultSetMaker.class);
            META_DATA = maker(lookup, ProxyDatabaseMetaData.class, "delegate", MetaDataMaker.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private ProxyFactory() {
    }

    private static <M> M maker(MethodHandles.Lookup lookup, Class<?> proxyBase, String delegateField,
                               Class<M> makerType) throws ReflectiveOperationException {
        Class<?> proxyClass = proxyClass(lookup, proxyBase, delegateField);
        Constructor<?> constructor = proxyClass.getDeclaredConstructors()[0];
        Method make = makerType.getDeclaredMethods()[0];
        Class<? extends M> makerClass = new ByteBuddy()
                .subclass(makerType)
                .name(proxyClass.getName() + "$Maker")
                .method(named(make.getName()))
                .intercept(MethodCall.construct(constructor).withAllArguments())
                .make()
                .load(ProxyFactory.class.getClassLoader(), ClassLoadingStrategy.UsingLookup.of(lookup))
                .getLoaded();
        return makerClass.getDeclaredConstructor().newInstance();
    }

    private static Class<?> proxyClass(MethodHandles.Lookup lookup, Class<?> proxyBase, String delegateField) {
        String name = proxyBase.getPackageName() + ".Colshift" + proxyBase.getSimpleName();
        ElementMatcher.Junction<MethodDescription> notHandWritten = isAbstract().or(isDefaultMethod());
        var builder = new ByteBuddy()
                .subclass(proxyBase, ConstructorStrategy.Default.IMITATE_SUPER_CLASS_OPENING)
                .name(name)
                .modifiers(Visibility.PUBLIC, TypeManifestation.FINAL)
                .method(notHandWritten)
                .intercept(MethodCall.invokeSelf().onField(delegateField).withAllArguments());
        if (proxyBase == ProxyDatabaseMetaData.class) {
            // Catalog queries return result sets whose getStatement() must not leak the real connection.
            builder = builder.method(notHandWritten.and(returns(ResultSet.class)))
                    .intercept(MethodCall.invoke(named("wrap").and(takesArguments(ResultSet.class)))
                            .withMethodCall(MethodCall.invokeSelf().onField(delegateField).withAllArguments()));
        }
        return builder.make()
                .load(ProxyFactory.class.getClassLoader(), ClassLoadingStrategy.UsingLookup.of(lookup))
                .getLoaded();
    }
}

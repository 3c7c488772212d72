package io.hotelkit.jpa.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

/**
 * Counts the statements a store sends to the database: every {@code execute...} call on a statement of a
 * connection from the wrapped data source, a batch counting once. Wraps JPA's data source and with it every
 * repository's plain JDBC, which runs on the same connections.
 */
public final class StatementCounter {

    private final List<String> statements = Collections.synchronizedList(new ArrayList<>());

    public DataSource wrap(DataSource dataSource) {
        return proxy(DataSource.class, dataSource, (method, args, result) -> result instanceof Connection connection
                ? proxy(Connection.class, connection, this::statementOf) : result);
    }

    /** The statements sent since the last call of this or {@link #during}, in order; and starts again. */
    public List<String> drain() {
        synchronized (statements) {
            List<String> sent = List.copyOf(statements);
            statements.clear();
            return sent;
        }
    }

    /** Runs {@code work} and answers the statements it sent, in order. */
    public List<String> during(Runnable work) {
        statements.clear();
        work.run();
        synchronized (statements) {
            return List.copyOf(statements);
        }
    }

    private Object statementOf(Method method, Object[] args, Object result) {
        if (result instanceof PreparedStatement prepared) {
            String sql = String.valueOf(args[0]);
            return proxy(PreparedStatement.class, prepared, (m, a, r) -> count(m, sql, r));
        }
        if (result instanceof Statement statement) {
            return proxy(Statement.class, statement, (m, a, r) -> count(m, a == null || a.length == 0 ? "?" : String.valueOf(a[0]), r));
        }
        return result;
    }

    private Object count(Method method, String sql, Object result) {
        if (method.getName().startsWith("execute")) {
            statements.add(sql.strip().replaceAll("\\s+", " "));
        }
        return result;
    }

    @FunctionalInterface
    private interface AfterCall {
        Object apply(Method method, Object[] args, Object result) throws Exception;
    }

    private static <T> T proxy(Class<T> type, T target, AfterCall after) {
        InvocationHandler handler = (self, method, args) -> {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            return after.apply(method, args, result);
        };
        return type.cast(Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, handler));
    }
}

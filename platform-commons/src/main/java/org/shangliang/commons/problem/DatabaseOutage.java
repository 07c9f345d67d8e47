package org.shangliang.commons.problem;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises a database that is unavailable for now — down, restarting, read-only after a
 * failover, out of connections or disk, or a transaction that lost a deadlock — so that a
 * request answers 503 with Retry-After instead of a 500 that looks like a bug.
 */
final class DatabaseOutage {

    private DatabaseOutage() {
    }

    static boolean is(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException || t instanceof ConnectException) return true;
            String name = t.getClass().getName();
            if (name.equals("org.hibernate.exception.JDBCConnectionException")) return true;
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")
                        || state.equals("25006") || state.equals("57014") || state.equals("40001") || state.equals("40P01"))) {
                    return true;
                }
                if (sql.getMessage() != null && sql.getMessage().contains("acquisition timeout")) return true;
            }
        }
        return false;
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}

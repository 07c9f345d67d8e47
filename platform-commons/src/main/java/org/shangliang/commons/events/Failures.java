package org.shangliang.commons.events;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/** Tells a broken event from a broken environment: only the former belongs in the dead-letter topic. */
final class Failures {

    private Failures() {
    }

    /** The database (or network) is down: the event is fine, try it again later. */
    static boolean isInfrastructure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException || t instanceof ConnectException) {
                return true;
            }
            if (t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) return true;
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getMessage() != null && sql.getMessage().contains("acquisition timeout")) {
                return true;
            }
        }
        return false;
    }

    /** Retrying cannot help. */
    static boolean isPermanent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MalformedEventException) return true;
        }
        return false;
    }

    static String describe(Throwable e) {
        if (e == null) return "unknown";
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String text = e.getClass().getName() + ": " + e.getMessage();
        if (root != e) text += " (caused by " + root.getClass().getName() + ": " + root.getMessage() + ")";
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }
}

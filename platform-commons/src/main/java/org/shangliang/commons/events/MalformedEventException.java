package org.shangliang.commons.events;

/** An event that can never be applied as it is: retrying will not help, so it is dead-lettered at once. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message) {
        super(message);
    }
}

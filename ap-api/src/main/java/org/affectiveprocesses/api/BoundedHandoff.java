package org.affectiveprocesses.api;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Hands items from a producing thread to one consuming thread through a bounded buffer, with
 * back-pressure: when {@code capacity} items wait unread, {@link #put} blocks until the consumer
 * takes one. The end is a flag, not an item in the buffer, so closing never waits for room and
 * cannot be lost; a failure given at the end is rethrown to the consumer after the items before
 * it. The machinery of {@link StreamQueue} and of the video module's live row queue.
 *
 * @param <T> the items
 */
public final class BoundedHandoff<T> implements Iterable<T> {
    /**
     * What the messages call things.
     *
     * @param queue the queue, e.g. "a StreamQueue"
     * @param items what the producer adds, e.g. "the stream's estimates"
     * @param next what the consumer waits for, e.g. "the stream's next estimate"
     * @param ended what {@code next()} says after the end, e.g. "the stream has ended"
     * @param failed what a failure at the end is, e.g. "the live session failed"
     */
    public record Names(String queue, String items, String next, String ended, String failed) {
    }

    private final int capacity;
    private final Names names;
    private final ArrayDeque<T> buffer;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Condition notEmpty = lock.newCondition();
    private boolean closed;
    private Throwable failure;
    private boolean iterated;

    /**
     * @param capacity how many items may wait unread before the producer blocks
     * @param names what the messages call things
     * @throws IllegalArgumentException if the capacity is below 1
     */
    public BoundedHandoff(int capacity, Names names) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
        this.names = names;
        this.buffer = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    /**
     * Waits for room, then adds the item.
     *
     * @throws IllegalStateException if the waiting thread is interrupted (it keeps its interrupt flag)
     */
    public void put(T item) {
        lock.lock();
        try {
            while (buffer.size() >= capacity) {
                notFull.await();
            }
            buffer.add(item);
            notEmpty.signal();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the consumer of " + names.items(), e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Marks the end: the consumer's iteration ends once the buffer is empty, with the failure
     * rethrown if one is given.
     *
     * @param failure why the producer ended, or null for a normal end
     */
    public void close(Throwable failure) {
        lock.lock();
        try {
            closed = true;
            this.failure = failure;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next item, waiting up to the given time.
     *
     * @return the item, or null if none came in time or the producer has ended
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public T poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (buffer.isEmpty() && !closed) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            return take();
        } finally {
            lock.unlock();
        }
    }

    /** Whether the producer has ended and every item has been read. */
    public boolean isDrained() {
        lock.lock();
        try {
            return closed && buffer.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The items in order, blocking until the next arrives; ends when the producer has ended and
     * all are read, throwing its failure if it gave one. An interrupted consumer gets an {@link
     * IllegalStateException} (and keeps its interrupt flag).
     *
     * @throws IllegalStateException if called a second time (one consumer reads the queue)
     */
    @Override
    public Iterator<T> iterator() {
        lock.lock();
        try {
            if (iterated) {
                throw new IllegalStateException(names.queue() + " is read by one iterator");
            }
            iterated = true;
        } finally {
            lock.unlock();
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                lock.lock();
                try {
                    while (buffer.isEmpty() && !closed) {
                        notEmpty.await();
                    }
                    if (buffer.isEmpty() && failure != null) {
                        throw new IllegalStateException(names.failed() + ": " + failure.getMessage(), failure);
                    }
                    return !buffer.isEmpty();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for " + names.next(), e);
                } finally {
                    lock.unlock();
                }
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException(names.ended());
                }
                lock.lock();
                try {
                    return take();
                } finally {
                    lock.unlock();
                }
            }
        };
    }

    /** Takes the head (under the lock), or null when empty. */
    private T take() {
        T item = buffer.poll();
        if (item != null) {
            notFull.signal();
        }
        return item;
    }
}

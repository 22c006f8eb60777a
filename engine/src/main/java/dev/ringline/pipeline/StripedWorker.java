package dev.ringline.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;
import dev.ringline.buffer.ScratchBuffers;

import java.util.function.BooleanSupplier;

/**
 * One of N workers. Every worker sees every slot, but processes only its own stripe: blocks of
 * {@code 1 << stripeShift} consecutive sequences go to the same worker, so neighbouring slots (and their cache
 * lines) are not written by two cores at once. Disruptor 4 removed WorkerPool; striping is its replacement.
 */
final class StripedWorker<E> implements EventHandler<Slot<E>> {
    private final long blockMask;
    /** Distance from the end of one of our blocks to the start of our next one. */
    private final long skipToNextBlock;
    /** The next sequence this worker owns; sequences are seen in order, so no division per record. */
    private long nextOwned;
    private final RecordProcessor<? super E> processor;
    private final WakeSignal orderedStage;
    private final ScratchBuffers scratch = new ScratchBuffers();
    private Sequence progress;
    private final Window window;
    /** Sequences above this wait for the ordered stage; a cached {@code released + window}, refreshed when hit. */
    private long windowEnd;
    private final Backoff backoff = new Backoff();
    private long waitingFor;
    private final BooleanSupplier windowOpen = this::windowOpen;

    /** The reordering bound: how far ahead of the last released sequence a worker may start a record. */
    record Window(long size, Sequence released, WakeSignal releases, BooleanSupplier stopped, long parkNanos) {
    }

    StripedWorker(int ordinal, int workers, int stripeShift, RecordProcessor<? super E> processor, WakeSignal orderedStage,
                  Window window) {
        long blockSize = 1L << stripeShift;
        this.blockMask = blockSize - 1;
        this.skipToNextBlock = (workers - 1) * blockSize;
        this.nextOwned = ordinal * blockSize;
        this.processor = processor;
        this.orderedStage = orderedStage;
        this.window = window;
        this.windowEnd = window.size() - 1;
    }

    @Override
    public void setSequenceCallback(Sequence sequenceCallback) {
        this.progress = sequenceCallback;
    }

    @Override
    public void onEvent(Slot<E> slot, long sequence, boolean endOfBatch) {
        if (sequence == nextOwned) {
            nextOwned = ((sequence + 1) & blockMask) != 0 ? sequence + 1 : sequence + 1 + skipToNextBlock;
            // A failure already set means the producer could not fill the slot: deliver it, skip the work.
            if (sequence > windowEnd && !awaitWindow(sequence)) {
                slot.failure = Slot.ABORTED; // stopped while held: nothing is delivered after a stop anyway
            }
            if (slot.failure == null) {
                scratch.clear();
                try {
                    processor.process(sequence, slot.event, scratch);
                } catch (Throwable t) {
                    // Never let a record kill the worker: a dead worker would stall the ordered stage and the ring.
                    slot.failure = t;
                }
            }
            // Publish progress now, not at the batch end, so the ordered stage can release this record at once.
            // A release store is enough here: a spinning ordered stage sees it; a parked one is woken below or at
            // the batch end, whose fence makes the wake-up impossible to miss.
            progress.set(sequence);
            orderedStage.wake();
        }
        if (endOfBatch) {
            // Everything up to here is either done by this worker or not ours: claim it all, with a full fence
            // so the waiter check cannot be reordered before the store (no lost wake-ups).
            progress.setVolatile(sequence);
            orderedStage.wake();
        }
    }

    /** Holds this record until it is within the window of the released sequence; false if the pipeline stopped. */
    private boolean awaitWindow(long sequence) {
        waitingFor = sequence;
        backoff.reset();
        // Everything before this sequence is done by this worker or not ours: say so before waiting. Otherwise
        // sequences skipped since our last report would hold the ordered stage back, and with it the window.
        progress.setVolatile(sequence - 1);
        orderedStage.wake();
        while (true) {
            windowEnd = window.released().get() + window.size();
            if (sequence <= windowEnd) {
                return true;
            }
            if (window.stopped().getAsBoolean()) {
                return false;
            }
            // Every release fires the signal, so this parks until the ordered stage moves.
            backoff.idle(window.releases(), windowOpen, window.parkNanos());
        }
    }

    private boolean windowOpen() {
        return window.released().get() + window.size() >= waitingFor || window.stopped().getAsBoolean();
    }
}

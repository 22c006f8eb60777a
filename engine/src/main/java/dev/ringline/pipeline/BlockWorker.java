package dev.ringline.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;
import dev.ringline.buffer.ScratchBuffers;

import java.util.function.BooleanSupplier;

/**
 * One of N workers. Every worker sees every slot; a worker that has finished its block of {@code 1 << blockShift}
 * consecutive sequences takes the next untaken block from a counter shared by all workers, so a worker that gets less
 * CPU (on a small machine it shares a core with the producer or the ordered stage) simply takes fewer blocks instead
 * of holding back the others, as fixed stripes did: with stripes, throughput was N times the slowest worker's.
 * Blocks are handed out in increasing order, so a worker always takes a block at or after the sequence it is on, and
 * every sequence it skips belongs to a block another worker took. Neighbouring slots of one block are written by one
 * core. Disruptor 4 removed WorkerPool; this is its replacement, one shared counter update per block.
 */
final class BlockWorker<E> implements EventHandler<Slot<E>> {
    private final int ordinal;
    private final int blockShift;
    /** Blocks taken so far by all workers: the next untaken block's number. */
    private final Sequence blocks;
    /** First and last sequence of the block this worker holds; -1 before its first. */
    private long blockStart = -1;
    private long blockEnd = -1;
    /**
     * {@link #blockStart} for other threads (stall diagnostics only), written once per block with a release store:
     * a volatile store would add a second full fence to the counter update on every block.
     */
    private final Sequence heldFrom = new Sequence(-1);
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

    BlockWorker(int ordinal, int blockShift, Sequence blocks, RecordProcessor<? super E> processor,
                WakeSignal orderedStage, Window window) {
        this.ordinal = ordinal;
        this.blockShift = blockShift;
        this.blocks = blocks;
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
        if (sequence > blockEnd) {
            takeBlock();
        }
        if (sequence >= blockStart) {
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

    /** Takes the next untaken block: always at or after the sequence this worker is on, since blocks go in order. */
    private void takeBlock() {
        long block = blocks.getAndAdd(1);
        blockStart = block << blockShift;
        blockEnd = blockStart + (1L << blockShift) - 1;
        heldFrom.set(blockStart);
    }

    /** This worker's number, for stall reports. */
    int ordinal() {
        return ordinal;
    }

    /** The first sequence of the block this worker holds, or -1 before its first; read by stall diagnostics. */
    long heldFrom() {
        return heldFrom.get();
    }

    /** Size of a block, for stall diagnostics. */
    long blockSize() {
        return 1L << blockShift;
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

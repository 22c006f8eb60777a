package dev.ringline.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;
import dev.ringline.memory.ScratchBuffers;

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

    StripedWorker(int ordinal, int workers, int stripeShift, RecordProcessor<? super E> processor, WakeSignal orderedStage) {
        long blockSize = 1L << stripeShift;
        this.blockMask = blockSize - 1;
        this.skipToNextBlock = (workers - 1) * blockSize;
        this.nextOwned = ordinal * blockSize;
        this.processor = processor;
        this.orderedStage = orderedStage;
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
}

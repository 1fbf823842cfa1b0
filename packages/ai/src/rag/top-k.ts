export interface Scored {
  row: number;
  score: number;
}

/**
 * Keeps the k best (score desc, then row asc) of a stream in a size-k min-heap: O(n log k) instead of a full
 * sort of every row, and no allocation per row that doesn't make the cut.
 */
export class TopK {
  private readonly heap: Scored[] = [];

  constructor(private readonly k: number) {}

  /** The score a new row must beat to enter (−Infinity while the heap isn't full). */
  get floor(): number {
    return this.heap.length < this.k ? -Infinity : (this.heap[0]?.score ?? -Infinity);
  }

  offer(row: number, score: number): void {
    if (this.k <= 0) return;
    if (this.heap.length < this.k) {
      this.heap.push({ row, score });
      this.siftUp(this.heap.length - 1);
    } else if (score > this.floor) {
      this.heap[0] = { row, score };
      this.siftDown(0);
    }
  }

  /** Best first; equal scores keep document order. */
  sorted(): Scored[] {
    return [...this.heap].sort((a, b) => b.score - a.score || a.row - b.row);
  }

  // Worse = lower score, or same score but later row (so earlier rows win ties).
  private worse(a: Scored, b: Scored): boolean {
    return a.score < b.score || (a.score === b.score && a.row > b.row);
  }

  private siftUp(index: number): void {
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.worse(this.at(i), this.at(parent))) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(index: number): void {
    let i = index;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < this.heap.length && this.worse(this.at(left), this.at(worst))) worst = left;
      if (right < this.heap.length && this.worse(this.at(right), this.at(worst))) worst = right;
      if (worst === i) return;
      this.swap(i, worst);
      i = worst;
    }
  }

  private at(i: number): Scored {
    return this.heap[i] as Scored;
  }

  private swap(a: number, b: number): void {
    const tmp = this.at(a);
    this.heap[a] = this.at(b);
    this.heap[b] = tmp;
  }
}

import type { Node, Parent } from 'unist';

/**
 * Calls `visitor` on every node of the tree, parents before children, in document order, like
 * unist-util-visit but with an explicit stack: a draft of blockquotes nested ten thousand deep
 * ("> > > …") overflowed the call stack of the recursive walker.
 */
export function walk(tree: Node, visitor: (node: Node) => void): void {
  const stack: Node[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    visitor(node);
    const children = (node as Partial<Parent>).children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Node);
  }
}

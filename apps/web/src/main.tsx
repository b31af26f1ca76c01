import { startEarly } from './boot.ts';
import './styles.css';

// The entry is kept to boot.ts: the lint worker (the largest bundle, the longest first wait) and,
// under `lkip view`, the fetch of the draft start before the browser compiles React, CodeMirror
// and the page, which come as a chunk of their own, compiled meanwhile on this thread.
startEarly(window.location.search);

const root = document.getElementById('root');
if (root) void import('./mount.tsx').then(({ mount }) => mount(root));

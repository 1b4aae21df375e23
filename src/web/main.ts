// Entry point of the dashboard bundle.
import { h, render } from 'preact';
import { App } from './app.js';
import { startRouting } from './app-state.js';
import './styles.css';
import './layout.css';

startRouting();
render(h(App, null), document.getElementById('app')!);

// Entry point: global tokens, then the wizard. No inline script or style anywhere (CSP `'self'` only).
import { mount } from 'svelte';
import App from './App.svelte';
import './styles.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html lacks #app');

export default mount(App, { target });

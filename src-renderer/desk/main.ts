// The servicedesk page's entry (Vite's second entry, served at /desk/ on the admin listener): the wizard's
// tokens and components, a page of its own. No inline script or style (the wizard's CSP).
import { mount } from 'svelte';
import Desk from './Desk.svelte';
import '../styles.css';
import './desk.css';

const target = document.getElementById('desk');
if (!target) throw new Error('desk.html lacks #desk');

export default mount(Desk, { target });

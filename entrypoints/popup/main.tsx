import { render } from 'preact';
import '../../components/term-card.css';
import { Popup } from '../../components/Popup';

render(<Popup />, document.getElementById('app')!);

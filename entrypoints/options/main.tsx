import { render } from 'preact';
import '../../components/term-card.css';
import { OptionsApp } from '../../components/OptionsApp';

render(<OptionsApp />, document.getElementById('app')!);

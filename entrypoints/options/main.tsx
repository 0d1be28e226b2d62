import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp.tsx';
import { optionsPlatform } from '../../platform/options-platform.ts';

render(<OptionsApp platform={optionsPlatform} />, document.getElementById('app')!);

import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp.tsx';
import { optionsPlatform } from '../../platform/options-platform.ts';
import { usagePlatform } from '../../platform/usage-ui.ts';

render(<OptionsApp platform={optionsPlatform} usage={usagePlatform} />, document.getElementById('app')!);

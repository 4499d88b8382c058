import { fromTheme, validators } from 'tailwind-merge'

/**
 * The part of tailwind-merge's default configuration that this app's classes use: the class groups in which two
 * of its classes conflict, defined as tailwind-merge defines them (v3, Tailwind v4). The full default is ~6.5 KiB
 * gzip on the sign-in page for some 400 groups we never write.
 *
 * `utils.test.ts` holds `cn` to `twMerge` with the full configuration, for every pair of classes found in src/. When
 * it fails after you wrote a new class, copy that class's group from tailwind-merge's `getDefaultConfig` into this
 * file (and its `conflictingClassGroups` entry).
 */

const {
  isAny,
  isAnyNonArbitrary,
  isArbitraryFamilyName,
  isArbitraryLength,
  isArbitraryNumber,
  isArbitraryShadow,
  isArbitraryValue,
  isArbitraryVariable,
  isArbitraryVariableFamilyName,
  isArbitraryVariableLength,
  isArbitraryVariableShadow,
  isArbitraryVariableWeight,
  isArbitraryWeight,
  isFraction,
  isInteger,
  isNumber,
  isTshirtSize,
} = validators

const themeColor = fromTheme('color')
const themeSpacing = fromTheme('spacing')
const themeText = fromTheme('text')

const arbitrary = () => [isArbitraryVariable, isArbitraryValue]
const spacing = () => [...arbitrary(), themeSpacing]
const margin = () => ['auto', ...spacing()]
const inset = () => [isFraction, 'full', 'auto', ...spacing()]
const viewport = ['dvw', 'dvh', 'lvw', 'lvh', 'svw', 'svh', 'min', 'max', 'fit']
const sizing = () => [isFraction, 'auto', 'full', ...viewport, ...spacing()]
const color = () => [themeColor, ...arbitrary()]
const overflow = () => ['auto', 'hidden', 'clip', 'visible', 'scroll']
const borderWidth = () => ['', isNumber, isArbitraryVariableLength, isArbitraryLength]
const gridLine = () => [isInteger, 'auto', ...arbitrary()]

export const classGroupsConfig = {
  cacheSize: 500,
  theme: {
    animate: ['spin', 'ping', 'pulse', 'bounce'],
    color: [isAny],
    container: [isTshirtSize],
    font: [isAnyNonArbitrary],
    'font-weight': ['thin', 'extralight', 'light', 'normal', 'medium', 'semibold', 'bold', 'extrabold', 'black'],
    leading: ['none', 'tight', 'snug', 'normal', 'relaxed', 'loose'],
    radius: [isTshirtSize],
    shadow: [isTshirtSize],
    spacing: ['px', isNumber],
    text: [isTshirtSize],
    tracking: ['tighter', 'tight', 'normal', 'wide', 'wider', 'widest'],
  },
  // Order matters where groups share a prefix (text-, border-, font-): as in the default configuration.
  classGroups: {
    display: [
      'block', 'inline-block', 'inline', 'flex', 'inline-flex', 'table', 'inline-table', 'table-caption', 'table-cell',
      'table-column', 'table-column-group', 'table-footer-group', 'table-header-group', 'table-row-group', 'table-row',
      'flow-root', 'grid', 'inline-grid', 'contents', 'list-item', 'hidden',
    ],
    position: ['static', 'fixed', 'absolute', 'relative', 'sticky'],
    sr: ['sr-only', 'not-sr-only'],
    visibility: ['visible', 'invisible', 'collapse'],
    overflow: [{ overflow: overflow() }],
    'overflow-x': [{ 'overflow-x': overflow() }],
    'overflow-y': [{ 'overflow-y': overflow() }],
    inset: [{ inset: inset() }],
    top: [{ top: inset() }],
    right: [{ right: inset() }],
    left: [{ left: inset() }],
    z: [{ z: [isInteger, 'auto', ...arbitrary()] }],
    flex: [{ flex: [isNumber, isFraction, 'auto', 'initial', 'none', isArbitraryValue] }],
    'flex-direction': [{ flex: ['row', 'row-reverse', 'col', 'col-reverse'] }],
    'flex-wrap': [{ flex: ['nowrap', 'wrap', 'wrap-reverse'] }],
    shrink: [{ shrink: ['', isNumber, ...arbitrary()] }],
    grow: [{ grow: ['', isNumber, ...arbitrary()] }],
    'grid-cols': [{ 'grid-cols': [isInteger, 'none', 'subgrid', ...arbitrary()] }],
    'col-start-end': [{ col: ['auto', { span: ['full', isInteger, ...arbitrary()] }, isInteger, ...arbitrary()] }],
    'col-start': [{ 'col-start': gridLine() }],
    'row-start': [{ 'row-start': gridLine() }],
    gap: [{ gap: spacing() }],
    'gap-x': [{ 'gap-x': spacing() }],
    'gap-y': [{ 'gap-y': spacing() }],
    'justify-content': [
      { justify: ['start', 'end', 'center', 'between', 'around', 'evenly', 'stretch', 'baseline', 'center-safe', 'end-safe', 'normal'] },
    ],
    'align-items': [{ items: ['start', 'end', 'center', 'stretch', 'center-safe', 'end-safe', { baseline: ['', 'last'] }] }],
    p: [{ p: spacing() }],
    px: [{ px: spacing() }],
    py: [{ py: spacing() }],
    pt: [{ pt: spacing() }],
    pr: [{ pr: spacing() }],
    pb: [{ pb: spacing() }],
    pl: [{ pl: spacing() }],
    m: [{ m: margin() }],
    mx: [{ mx: margin() }],
    mt: [{ mt: margin() }],
    mr: [{ mr: margin() }],
    mb: [{ mb: margin() }],
    ml: [{ ml: margin() }],
    'space-y': [{ 'space-y': spacing() }],
    size: [{ size: sizing() }],
    w: [{ w: [fromTheme('container'), 'screen', ...sizing()] }],
    'min-w': [{ 'min-w': [fromTheme('container'), 'screen', 'none', ...sizing()] }],
    'max-w': [{ 'max-w': [fromTheme('container'), 'screen', 'none', 'prose', { screen: [fromTheme('breakpoint')] }, ...sizing()] }],
    'min-h': [{ 'min-h': ['screen', 'lh', 'none', ...sizing()] }],
    h: [{ h: ['screen', 'lh', ...sizing()] }],
    'max-h': [{ 'max-h': ['screen', 'lh', 'none', ...sizing()] }],
    'font-size': [{ text: ['base', themeText, isArbitraryVariableLength, isArbitraryLength] }],
    'font-weight': [{ font: [fromTheme('font-weight'), isArbitraryVariableWeight, isArbitraryWeight] }],
    'font-family': [{ font: [isArbitraryVariableFamilyName, isArbitraryFamilyName, fromTheme('font')] }],
    'fvn-spacing': ['proportional-nums', 'tabular-nums'],
    tracking: [{ tracking: [fromTheme('tracking'), ...arbitrary()] }],
    leading: [{ leading: ['none', fromTheme('leading'), ...spacing()] }],
    'list-style-type': [{ list: ['disc', 'decimal', 'none', ...arbitrary()] }],
    'text-alignment': [{ text: ['left', 'center', 'right', 'justify', 'start', 'end'] }],
    'text-color': [{ text: color() }],
    'text-decoration': ['underline', 'overline', 'line-through', 'no-underline'],
    'underline-offset': [{ 'underline-offset': [isNumber, 'auto', ...arbitrary()] }],
    'text-transform': ['uppercase', 'lowercase', 'capitalize', 'normal-case'],
    'text-overflow': ['truncate', 'text-ellipsis', 'text-clip'],
    'line-clamp': [{ 'line-clamp': [isNumber, 'none', isArbitraryVariable, isArbitraryNumber] }],
    'vertical-align': [
      { align: ['baseline', 'top', 'middle', 'bottom', 'text-top', 'text-bottom', 'sub', 'super', ...arbitrary()] },
    ],
    whitespace: [{ whitespace: ['normal', 'nowrap', 'pre', 'pre-line', 'pre-wrap', 'break-spaces'] }],
    break: [{ break: ['normal', 'words', 'all', 'keep'] }],
    'bg-color': [{ bg: color() }],
    rounded: [{ rounded: ['', 'none', 'full', fromTheme('radius'), ...arbitrary()] }],
    'border-w': [{ border: borderWidth() }],
    'border-w-t': [{ 'border-t': borderWidth() }],
    'border-w-b': [{ 'border-b': borderWidth() }],
    'divide-y': [{ 'divide-y': borderWidth() }],
    'border-style': [{ border: ['solid', 'dashed', 'dotted', 'double', 'hidden', 'none'] }],
    'border-color': [{ border: color() }],
    'divide-color': [{ divide: color() }],
    'outline-style': [{ outline: ['solid', 'dashed', 'dotted', 'double', 'none', 'hidden'] }],
    'outline-offset': [{ 'outline-offset': [isNumber, ...arbitrary()] }],
    'outline-w': [{ outline: borderWidth() }],
    'outline-color': [{ outline: color() }],
    shadow: [{ shadow: ['', 'inner', 'none', fromTheme('shadow'), isArbitraryVariableShadow, isArbitraryShadow] }],
    opacity: [{ opacity: [isNumber, ...arbitrary()] }],
    'ring-w': [{ ring: borderWidth() }],
    'ring-color': [{ ring: color() }],
    transition: [{ transition: ['', 'all', 'colors', 'opacity', 'shadow', 'transform', 'none', ...arbitrary()] }],
    animate: [{ animate: ['none', fromTheme('animate'), ...arbitrary()] }],
    'pointer-events': [{ 'pointer-events': ['auto', 'none'] }],
    'scroll-mt': [{ 'scroll-mt': spacing() }],
    accent: [{ accent: color() }],
    cursor: [{ cursor: ['auto', 'default', 'pointer', 'wait', 'text', 'move', 'help', 'not-allowed', 'none', ...arbitrary()] }],
    fill: [{ fill: ['none', ...color()] }],
    stroke: [{ stroke: ['none', ...color()] }],
  },
  conflictingClassGroups: {
    overflow: ['overflow-x', 'overflow-y'],
    inset: ['top', 'right', 'left'],
    flex: ['grow', 'shrink'],
    gap: ['gap-x', 'gap-y'],
    p: ['px', 'py', 'pt', 'pr', 'pb', 'pl'],
    px: ['pr', 'pl'],
    py: ['pt', 'pb'],
    m: ['mx', 'mt', 'mr', 'mb', 'ml'],
    mx: ['mr', 'ml'],
    size: ['w', 'h'],
    'font-size': ['leading'],
    'line-clamp': ['display', 'overflow'],
    'border-w': ['border-w-t', 'border-w-b'],
  },
  conflictingClassGroupModifiers: { 'font-size': ['leading'] },
  orderSensitiveModifiers: ['*', '**', 'after', 'backdrop', 'before', 'details-content', 'file', 'first-letter', 'first-line', 'marker', 'placeholder', 'selection'],
}

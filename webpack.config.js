const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');

/** @returns {import('webpack').Configuration} */
module.exports = (_env, argv) => ({
  mode: argv.mode === 'development' ? 'development' : 'production',
  entry: { taskpane: './src/taskpane/taskpane.ts' },
  output: { path: path.resolve(__dirname, 'dist', 'web'), filename: '[name].js', clean: true },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [{ test: /\.ts$/, loader: 'ts-loader', exclude: /node_modules/, options: { configFile: 'tsconfig.web.json' } }],
  },
  plugins: [new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'] })],
  devtool: argv.mode === 'development' ? 'source-map' : false,
  performance: { hints: false },
});
